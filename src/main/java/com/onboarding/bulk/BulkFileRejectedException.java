package com.onboarding.bulk;

import com.onboarding.RejectedRequestException;
import java.util.List;

/** The uploaded file as a whole cannot be read (no header, wrong encoding, too many rows); nothing was stored. */
public class BulkFileRejectedException extends RejectedRequestException {

    public BulkFileRejectedException(String message) {
        super("The file was not read:", List.of(new Problem("file", message)));
    }
}
