package com.onboarding;

/**
 * Cells of the CSV files the product writes (a bulk import's result, the user list's export), opened by people in
 * spreadsheets: a cell a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) starts with an
 * apostrophe instead. The files repeat what admins and uploaders typed, and opening one must not run it.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The value as a cell that is never run; null as an empty cell. */
    public static String defused(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
