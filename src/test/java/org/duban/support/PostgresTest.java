package org.duban.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the real PostgreSQL (profile {@code postgres}), in a schema of its own created for this JVM, so runs
 * never see each other's data; register {@link PostgresSchema} in a {@code @DynamicPropertySource} method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresCondition.class)
@ActiveProfiles("postgres")
public @interface PostgresTest {
}
