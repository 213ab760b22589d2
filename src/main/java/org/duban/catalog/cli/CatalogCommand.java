package org.duban.catalog.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.duban.catalog.parse.CatalogJson;
import org.duban.catalog.parse.CatalogParseException;
import org.duban.catalog.parse.CatalogParser;
import org.duban.catalog.parse.ParsedPlan;
import org.duban.org.StaticUnitDirectory;
import org.slf4j.LoggerFactory;

/**
 * {@code duban catalog parse FILE}: prints a key-task document's catalog as JSON, using the shipped unit registry.
 * Runs before (and instead of) Spring: no application context, no database.
 *
 * <p>Exit codes: 0 parsed; 2 the file is missing, unreadable or not a key-task document; 64 wrong usage (EX_USAGE
 * from sysexits.h).
 */
public final class CatalogCommand {

    public static final int OK = 0;
    public static final int UNREADABLE = 2;
    public static final int USAGE = 64;

    private static final String USAGE_TEXT = """
            用法 / usage: duban catalog parse FILE
              读取重点工作任务文件（.txt UTF-8/GBK 或 .docx），在标准输出打印 JSON。
              Reads a key-task document (.txt in UTF-8/GBK, or .docx) and prints its catalog as JSON on stdout.
            """;

    private CatalogCommand() {
    }

    /** Whether the arguments ask for this command rather than for the application. */
    public static boolean handles(String[] args) {
        return args.length > 0 && "catalog".equals(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !"catalog".equals(args[0]) || !"parse".equals(args[1])) {
            print(err, USAGE_TEXT);
            return USAGE;
        }
        Path file;
        byte[] content;
        try {
            file = Path.of(args[2]);
        } catch (InvalidPathException e) {
            print(err, "错误：文件名无效 / error: invalid file name: " + args[2] + "\n");
            return UNREADABLE;
        }
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            print(err, "错误：文件不存在 / error: no such file: " + file + "\n");
            return UNREADABLE;
        } catch (IOException | SecurityException e) {
            print(err, "错误：无法读取文件 / error: cannot read file: " + file + " (" + e.getClass().getSimpleName()
                    + ")\n");
            return UNREADABLE;
        }
        ParsedPlan plan;
        silenceDocumentLibraryLogging();
        PrintStream systemOut = System.out;
        // Whatever a library still prints while reading goes to stderr, so that stdout carries nothing but the JSON
        // (console appenders write through System.out on every call).
        System.setOut(err);
        try {
            plan = new CatalogParser(StaticUnitDirectory.load()).parse(content, file.toString());
        } catch (CatalogParseException e) {
            print(err, "错误 / error: " + e.getMessage() + "\n");
            return UNREADABLE;
        } finally {
            System.setOut(systemOut);
        }
        print(out, CatalogJson.toJson(plan) + "\n");
        return OK;
    }

    /**
     * POI logs every malformed part of a broken .docx with a stack trace; the command reports the problem itself in
     * one line, so those logs are switched off (only POI's, only when Logback is the logging backend).
     */
    private static void silenceDocumentLibraryLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger("org.apache.poi").setLevel(Level.OFF);
        }
    }

    /** UTF-8 bytes whatever the platform's default charset, so Chinese survives a GBK or ASCII console. */
    private static void print(PrintStream stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }
}
