package org.duban;

import org.duban.catalog.cli.CatalogCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Duban (督办): key-task supervision. {@code java -jar duban.jar} starts the application;
 * {@code java -jar duban.jar catalog parse FILE} prints a document's catalog as JSON without starting it.
 */
@SpringBootApplication
public class DubanApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "catalog".equals(args[0])) {
            System.exit(CatalogCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(DubanApplication.class, args);
    }
}
