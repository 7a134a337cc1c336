package dev.gatehouse.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the rolling-upgrade rule lets through and what it stops. */
class ExpandContractRuleTest {

    @TempDir
    Path migrations;

    @Test
    void expandingMigrationsPass() throws Exception {
        write("V7__expand.sql", """
                create table widget (id uuid primary key, name text not null);
                alter table gadget add column colour text;
                alter table gadget add column size int not null default 0;
                alter table gadget drop constraint gadget_kind_check;
                alter table gadget add constraint gadget_kind_check check (kind in ('a', 'b', 'c'));
                create index gadget_colour on gadget (colour);
                """);

        assertThat(ExpandContractRule.violations(migrations, 6, "0.2.0-SNAPSHOT")).isEmpty();
    }

    @Test
    void contractingWithoutSayingSoIsRefused() throws Exception {
        write("V7__drop.sql", "alter table gadget drop column colour;");
        write("V8__rename.sql", "alter table gadget rename column size to dimension;");
        write("V9__narrow.sql", "alter table gadget alter column name set not null;");
        write("V10__retype.sql", "alter table gadget alter column size type bigint;");
        write("V11__required.sql", "alter table gadget add column weight int not null;");

        assertThat(ExpandContractRule.violations(migrations, 6, "0.2.0-SNAPSHOT"))
                .hasSize(5).allMatch(v -> v.contains("expand now, contract a release later"));
    }

    @Test
    void aContractMustComeAReleaseAfterTheCodeStoppedUsingIt() throws Exception {
        write("V7__contract.sql", """
                -- contract: unused since 0.2.0 (V5 added dimension; 0.2.0 reads it instead of size)
                alter table gadget drop column size;
                """);

        assertThat(ExpandContractRule.violations(migrations, 6, "0.2.0-SNAPSHOT")).singleElement()
                .asString().contains("has not shipped");
        assertThat(ExpandContractRule.violations(migrations, 6, "0.2.0")).hasSize(1);
        assertThat(ExpandContractRule.violations(migrations, 6, "0.3.0-SNAPSHOT")).isEmpty();
    }

    @Test
    void historyBeforeTheRuleIsLeftAlone() throws Exception {
        write("V3__old.sql", "drop table legacy;");
        write("R__repeatable.sql", "drop view if exists report;");

        assertThat(ExpandContractRule.violations(migrations, 3, "0.1.0-SNAPSHOT")).isEmpty();
    }

    private void write(String name, String sql) throws Exception {
        Files.writeString(migrations.resolve(name), sql);
    }
}
