package dev.gatehouse.audit.csv;

import java.util.List;

/**
 * A report whose rows are also offered as {@code text/csv} ({@link CsvPageWriter}): the rows, of one record type
 * whose components are the columns.
 */
public interface CsvTable {

    Class<? extends Record> rowType();

    List<? extends Record> rows();
}
