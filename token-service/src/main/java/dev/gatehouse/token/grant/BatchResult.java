package dev.gatehouse.token.grant;

import dev.gatehouse.token.error.OAuthException;
import dev.gatehouse.token.issue.TokenResponse;

/** What became of one request in a batch ({@link RefreshBatch}, {@link ExchangeBatch}). */
sealed interface BatchResult permits BatchResult.Done, BatchResult.Refused, BatchResult.OneByOne {

    /** Tokens issued, committed with the batch. */
    record Done(TokenResponse response) implements BatchResult {
    }

    /** Refused after a check; nothing of it was kept. */
    record Refused(OAuthException error) implements BatchResult {
    }

    /** Left alone by the batch: to be handled one by one, as before batches. */
    record OneByOne() implements BatchResult {
    }
}
