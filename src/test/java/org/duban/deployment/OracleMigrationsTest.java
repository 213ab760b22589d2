package org.duban.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * No Oracle server runs on the build machines, so the migrations are checked for Oracle in two ways: they run, with the
 * Oracle profile's placeholder values (application-oracle.yaml), on H2 in Oracle compatibility mode; and their text is
 * scanned for SQL that one of H2, PostgreSQL and Oracle does not accept. Both discover the migrations on the classpath,
 * so a new V*.sql is covered without touching this test. Plain JUnit and Flyway's Java API, no Spring context.
 */
class OracleMigrationsTest {

    private static final String URL = "jdbc:h2:mem:oracle-mode;MODE=Oracle;DB_CLOSE_DELAY=-1";
    private static final String LOCATION = "db/migration";
    /** spring.flyway.placeholders in application-oracle.yaml. */
    private static final Map<String, String> ORACLE_PLACEHOLDERS =
            Map.of("text", "CLOB", "bool", "NUMBER(1)", "bigint", "NUMBER(19)");

    private static Connection connection;
    private static MigrateResult result;
    private static Flyway flyway;

    @BeforeAll
    static void migrate() throws SQLException {
        connection = DriverManager.getConnection(URL, "sa", ""); // keeps the in-memory database for the whole class
        flyway = Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:" + LOCATION)
                .placeholders(ORACLE_PLACEHOLDERS)
                .load();
        result = flyway.migrate();
    }

    @AfterAll
    static void drop() throws SQLException {
        if (connection != null) {
            try (var statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
            }
            connection.close();
        }
    }

    @Test
    void everyVersionedMigrationOnTheClasspathAppliesWithOraclePlaceholders() throws IOException {
        List<String> files = migrationFiles("V*.sql");
        assertThat(files).as("V*.sql under classpath:%s", LOCATION).isNotEmpty();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(files.size());
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).hasSize(files.size());
        assertThat(applied).allSatisfy(m -> assertThat(m.getState()).as(m.getScript())
                .isEqualTo(MigrationState.SUCCESS));
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript).map(OracleMigrationsTest::fileName).sorted())
                .containsExactlyElementsOf(files.stream().sorted().toList());
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void tablesHaveTheColumnsAndOracleTypesTheEntitiesExpect() throws SQLException {
        Map<String, Column> orgUnit = columns("ORG_UNIT");
        assertThat(orgUnit.get("ID")).isEqualTo(new Column(Types.NUMERIC, 19, false)); // ${bigint} = NUMBER(19)
        assertThat(orgUnit.get("ACTIVE")).isEqualTo(new Column(Types.NUMERIC, 1, false)); // ${bool} = NUMBER(1)
        assertThat(orgUnit.get("CODE")).isEqualTo(new Column(Types.VARCHAR, 40, false));

        Map<String, Column> keyTask = columns("KEY_TASK");
        assertThat(keyTask.get("BODY").type()).isEqualTo(Types.CLOB); // ${text} = CLOB
        assertThat(keyTask).containsKeys("PLAN_ID", "SECTION_ID", "TASK_NO", "CODE", "TITLE", "STATUS", "VERSION");

        assertThat(columns("PLAN").get("IMPORTED_AT").type()).isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
        // Added by ALTER TABLE ... ADD (no COLUMN keyword) in a later migration.
        assertThat(columns("TASK_ASSIGNMENT").get("REVIEWER_UNIT_ID")).isEqualTo(new Column(Types.NUMERIC, 19, true));
        assertThat(columns("PROGRESS_REPORT")).containsKeys("BUSINESS_KEY", "NEEDS_COORDINATION", "NARRATIVE");
        assertThat(columns("AUDIT_EVENT")).containsKeys("OCCURRED_AT", "ACTOR", "BEFORE_STATE", "AFTER_STATE");
        assertThat(columns("APP_USER")).containsKeys("USERNAME", "PASSWORD_HASH", "UNIT_ID");

        assertThat(count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'DUBAN_SEQ'"))
                .as("sequence duban_seq").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM calendar_day")).as("holiday rows from the calendar migration")
                .isPositive();
    }

    /**
     * Whatever a later migration adds: no column may end up with a type Oracle lacks, and no table or column may be
     * named with one of Oracle's reserved words (H2 accepts most of them, Oracle refuses the DDL).
     */
    @Test
    void everyTableAndColumnIsValidOnOracle() throws SQLException {
        Map<Integer, String> notOnOracle = Map.of(Types.BOOLEAN, "BOOLEAN (use ${bool})", Types.BIT, "BIT",
                Types.BIGINT, "BIGINT (use ${bigint})", Types.TINYINT, "TINYINT", Types.TIME, "TIME",
                Types.TIME_WITH_TIMEZONE, "TIME WITH TIME ZONE", Types.VARBINARY, "VARBINARY",
                Types.BINARY, "BINARY", Types.ARRAY, "ARRAY", Types.OTHER, "a vendor type (JSON, UUID, ...)");
        List<String> problems = new ArrayList<>();
        List<String> tables = tables();
        // Flyway's own history table is created by Flyway per database (BOOLEAN on H2, NUMBER(1) on Oracle).
        tables.remove(flyway.getConfiguration().getTable());
        assertThat(tables).as("tables created by the migrations").contains("ORG_UNIT", "KEY_TASK", "AUDIT_EVENT");
        for (String table : tables) {
            if (ORACLE_RESERVED.contains(table)) {
                problems.add("table " + table + " is an Oracle reserved word");
            }
            if (table.length() > 128) {
                problems.add("table " + table + " is longer than Oracle's 128 characters");
            }
            columns(table).forEach((name, column) -> {
                if (ORACLE_RESERVED.contains(name)) {
                    problems.add(table + "." + name + " is an Oracle reserved word");
                }
                if (notOnOracle.containsKey(column.type())) {
                    problems.add(table + "." + name + " has type " + notOnOracle.get(column.type()));
                }
            });
        }
        assertThat(problems).as("schema after all migrations").isEmpty();
    }

    @Test
    void migrationsUseOnlySqlThatH2PostgresqlAndOracleAllAccept() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + LOCATION + "/**/*.sql");
        assertThat(resources).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                problems.addAll(nonPortable(resource.getFilename(), new String(in.readAllBytes(),
                        StandardCharsets.UTF_8)));
            }
        }
        assertThat(problems).as("non-portable SQL in migrations (write it once for H2, PostgreSQL and Oracle; "
                + "types through ${text}, ${bool}, ${bigint})").isEmpty();
    }

    /** The scanner itself: catches what it should, on the right line, and ignores comments, strings, placeholders. */
    @Test
    void scannerFindsNonPortableSqlAndIgnoresCommentsStringsAndPlaceholders() {
        String sql = """
                -- BIGINT and BOOLEAN in a comment are fine, so is ADD COLUMN
                /* LIMIT 10
                   IF NOT EXISTS */
                CREATE TABLE t (
                    id ${bigint} NOT NULL,
                    note VARCHAR(20) DEFAULT 'LIMIT; BOOLEAN',
                    flag BOOLEAN,
                    body text
                );
                ALTER TABLE t ADD COLUMN extra ${text};
                CREATE TABLE IF NOT EXISTS u (id SERIAL);
                SELECT * FROM t LIMIT 1;
                """;
        List<String> found = nonPortable("V9__sample.sql", sql);
        assertThat(found).hasSize(6);
        assertThat(found.get(0)).startsWith("V9__sample.sql:7: BOOLEAN");
        assertThat(found.get(1)).startsWith("V9__sample.sql:8: TEXT");
        assertThat(found.get(2)).startsWith("V9__sample.sql:10: ADD COLUMN");
        assertThat(found.get(3)).startsWith("V9__sample.sql:11: SERIAL");
        assertThat(found.get(4)).startsWith("V9__sample.sql:11: IF [NOT] EXISTS");
        assertThat(found.get(5)).startsWith("V9__sample.sql:12: LIMIT").endsWith("SELECT * FROM t LIMIT 1;");
    }

    // ------------------------------------------------------------------------------------------------ the scanner

    /** Tokens one of H2, PostgreSQL and Oracle rejects or reads differently, with what to write instead. */
    private static final Map<String, Pattern> NON_PORTABLE = new LinkedHashMap<>();

    static {
        rule("BIGINT (Oracle has none; use ${bigint})", "\\bBIGINT\\b");
        rule("BOOLEAN (Oracle before 23ai has none; use ${bool})", "\\bBOOLEAN\\b");
        rule("TEXT (Oracle and H2 have none; use ${text})", "\\bTEXT\\b");
        rule("CLOB/BLOB (PostgreSQL has none; use ${text})", "\\b[CB]LOB\\b");
        rule("TINYINT/DATETIME/BYTEA/TIMESTAMPTZ/JSON (not on all three)",
                "\\b(TINYINT|DATETIME|BYTEA|TIMESTAMPTZ|JSONB?|UNSIGNED)\\b");
        rule("VARCHAR2/NVARCHAR/NUMBER(...) (Oracle only; use VARCHAR, NUMERIC or the placeholders)",
                "\\b(N?VARCHAR2|NVARCHAR|NUMBER\\s*\\()");
        rule("SERIAL (PostgreSQL only; ids come from duban_seq)", "\\b(BIG|SMALL)?SERIAL\\b");
        rule("AUTO_INCREMENT (MySQL/H2 only)", "\\bAUTO_INCREMENT\\b");
        rule("ADD COLUMN (Oracle refuses COLUMN; write ALTER TABLE t ADD c ...)", "\\bADD\\s+COLUMN\\b");
        rule("ALTER COLUMN / MODIFY (column changes differ per database)", "\\b(ALTER\\s+COLUMN|MODIFY)\\b");
        rule("IF [NOT] EXISTS (Oracle before 23ai refuses it)", "\\bIF\\s+(NOT\\s+)?EXISTS\\b");
        rule("ON CONFLICT (PostgreSQL only)", "\\bON\\s+CONFLICT\\b");
        rule("LIMIT (not Oracle; use FETCH FIRST n ROWS ONLY)", "\\bLIMIT\\b");
        rule("TRUE/FALSE (a ${bool} column on Oracle is NUMBER(1); write '1' / '0')", "\\b(TRUE|FALSE)\\b");
        rule("NEXTVAL / NEXT VALUE FOR (sequence calls differ per database)", "\\b(NEXTVAL|NEXT\\s+VALUE\\s+FOR)\\b");
        rule("SYSDATE/NOW()/GETDATE() (use CURRENT_TIMESTAMP)", "\\b(SYSDATE|SYSTIMESTAMP|GETDATE|NOW\\s*\\()");
        rule("quoted identifier (case rules differ; leave names unquoted)", "[\"`]");
    }

    private static void rule(String message, String regex) {
        NON_PORTABLE.put(message, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    static List<String> nonPortable(String file, String sql) {
        String[] code = codeOnly(sql).split("\n", -1);
        String[] original = sql.split("\n", -1);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < code.length; i++) {
            for (Map.Entry<String, Pattern> rule : NON_PORTABLE.entrySet()) {
                if (rule.getValue().matcher(code[i]).find()) {
                    problems.add(file + ":" + (i + 1) + ": " + rule.getKey() + ": " + original[i].strip());
                }
            }
        }
        return problems;
    }

    /** The SQL with comments, string literals and ${placeholders} blanked out; line breaks kept for line numbers. */
    private static String codeOnly(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
                blank(sql, i, end, out);
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == '\'' && !sql.startsWith("''", end)) {
                        break;
                    }
                    end += sql.startsWith("''", end) ? 2 : 1;
                }
                end = Math.min(end + 1, sql.length());
                out.append('\'');
                blank(sql, i + 1, Math.max(i + 1, end - 1), out);
                if (end - 1 > i) {
                    out.append('\'');
                }
                i = end;
            } else if (c == '$' && sql.startsWith("${", i)) {
                int end = sql.indexOf('}', i);
                end = end < 0 ? sql.length() : end + 1;
                blank(sql, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String sql, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            out.append(sql.charAt(j) == '\n' ? '\n' : ' ');
        }
    }

    // --------------------------------------------------------------------------------------------------- helpers

    record Column(int type, int size, boolean nullable) {
    }

    private static Map<String, Column> columns(String table) throws SQLException {
        Map<String, Column> columns = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, "PUBLIC", table, "%")) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME"), new Column(rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                        rs.getInt("NULLABLE") == DatabaseMetaData.columnNullable));
            }
        }
        return columns;
    }

    private static List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                        + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static long count(String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> migrationFiles(String pattern) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + LOCATION + "/**/" + pattern);
        return Arrays.stream(resources).map(Resource::getFilename).toList();
    }

    private static String fileName(String script) {
        return script.substring(script.lastIndexOf('/') + 1);
    }

    /**
     * Oracle SQL reserved words (Oracle Database SQL Language Reference, "Oracle SQL Reserved Words"; V$RESERVED_WORDS
     * with RESERVED = 'Y'). Not usable as unquoted table or column names.
     */
    private static final Set<String> ORACLE_RESERVED = Set.of("ACCESS", "ADD", "ALL", "ALTER", "AND", "ANY", "AS",
            "ASC", "AUDIT", "BETWEEN", "BY", "CHAR", "CHECK", "CLUSTER", "COLUMN", "COLUMN_VALUE", "COMMENT",
            "COMPRESS", "CONNECT", "CREATE", "CURRENT", "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT",
            "DROP", "ELSE", "EXCLUSIVE", "EXISTS", "FILE", "FLOAT", "FOR", "FROM", "GRANT", "GROUP", "HAVING",
            "IDENTIFIED", "IMMEDIATE", "IN", "INCREMENT", "INDEX", "INITIAL", "INSERT", "INTEGER", "INTERSECT", "INTO",
            "IS", "LEVEL", "LIKE", "LOCK", "LONG", "MAXEXTENTS", "MINUS", "MLSLABEL", "MODE", "MODIFY",
            "NESTED_TABLE_ID", "NOAUDIT", "NOCOMPRESS", "NOT", "NOWAIT", "NULL", "NUMBER", "OF", "OFFLINE", "ON",
            "ONLINE", "OPTION", "OR", "ORDER", "PCTFREE", "PRIOR", "PUBLIC", "RAW", "RENAME", "RESOURCE", "REVOKE",
            "ROW", "ROWID", "ROWNUM", "ROWS", "SELECT", "SESSION", "SET", "SHARE", "SIZE", "SMALLINT", "START",
            "SUCCESSFUL", "SYNONYM", "SYSDATE", "TABLE", "THEN", "TO", "TRIGGER", "UID", "UNION", "UNIQUE", "UPDATE",
            "USER", "VALIDATE", "VALUES", "VARCHAR", "VARCHAR2", "VIEW", "WHENEVER", "WHERE", "WITH");
}
