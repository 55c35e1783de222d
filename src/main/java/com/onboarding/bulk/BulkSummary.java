package com.onboarding.bulk;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An import as its page shows it: the file, how many rows stand where, and the rows to show (problems first).
 * {@code alreadySent} says that the import had been sent before this request: an upload of a file sent before (the
 * earlier import is shown), or "send" again.
 */
public record BulkSummary(BulkImport bulkImport, Map<RowOutcome, Long> counts, List<BulkRow> rows,
        boolean alreadySent) {

    public BulkSummary {
        counts = new EnumMap<>(counts.isEmpty() ? Map.of(RowOutcome.READY, 0L) : counts);
    }

    public long count(RowOutcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows that passed the preview (the ones "Send" invites). */
    public long valid() {
        return total() - count(RowOutcome.INVALID);
    }

    /** Of the valid rows, those with their result. */
    public long processed() {
        return count(RowOutcome.INVITED) + count(RowOutcome.FAILED);
    }

    public int percentDone() {
        return valid() == 0 ? 100 : (int) (100 * processed() / valid());
    }

    /** The rows not shown on the page (the result file has them all). */
    public long notShown() {
        return total() - rows.size();
    }
}
