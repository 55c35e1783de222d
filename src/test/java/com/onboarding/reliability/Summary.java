package com.onboarding.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suite's figures, scenario by scenario, printed at the end and written to target/reliability/summary.md. */
final class Summary {

    private record Row(String scenario, long operations, long faults, long badInputs, long lost, long duplicated,
            String notes) {
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized void add(String scenario, long operations, long faults, long badInputs, Books.Audit audit,
            String notes) {
        rows.add(new Row(scenario, operations, faults, badInputs, audit.lost(), audit.duplicated(), notes));
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | operations | faults injected | bad inputs | lost | duplicated | notes |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        long operations = 0;
        long faults = 0;
        long bad = 0;
        long lost = 0;
        long duplicated = 0;
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %d | %d | %s |%n", row.scenario,
                    row.operations, row.faults, row.badInputs, row.lost, row.duplicated, row.notes));
            operations += row.operations;
            faults += row.faults;
            bad += row.badInputs;
            lost += row.lost;
            duplicated += row.duplicated;
        }
        out.append(String.format(Locale.ROOT, "| **%d scenarios** | **%,d** | **%,d** | **%,d** | **%d** | **%d** | |%n",
                rows.size(), operations, faults, bad, lost, duplicated));
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Reliability suite\n\n" + table());
    }
}
