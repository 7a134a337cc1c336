package dev.gatehouse.console.api;

import java.util.List;
import java.util.Map;

/**
 * token-service's answer to a new client secret (rotate, regenerate: {@code NewSecret}) holds the secret's id and
 * the list of live secrets; the page that shows the secret once shows when it was made, from that list.
 */
public final class NewSecrets {

    private NewSecrets() {
    }

    /** The new secret's {@code createdAt}, or {@code null} when the answer does not list it. */
    public static Object createdAt(Map<String, Object> answer) {
        if (answer.get("secrets") instanceof List<?> secrets) {
            for (Object s : secrets) {
                if (s instanceof Map<?, ?> one && String.valueOf(one.get("id")).equals(
                        String.valueOf(answer.get("secretId")))) {
                    return one.get("createdAt");
                }
            }
        }
        return null;
    }
}
