package com.onboarding.bulk;

import java.util.Arrays;

/**
 * The uploaded file as a whole cannot be read (no header, wrong encoding, too many rows); nothing was stored. It names
 * the reason as a message key of messages*.properties ({@code bulk.file.*}), said in the uploader's language.
 */
class BulkFileRejectedException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    BulkFileRejectedException(String key, Object... args) {
        super(key + Arrays.toString(args));
        this.key = key;
        this.args = args;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args;
    }
}
