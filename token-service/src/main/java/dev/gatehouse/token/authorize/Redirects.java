package dev.gatehouse.token.authorize;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the authorization response's redirect (RFC 6749 §4.1.2): the client's URI, its own query kept. */
final class Redirects {

    private Redirects() {
    }

    static URI to(String redirectUri, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getValue() == null) {
                continue;
            }
            uri.append(separator).append(p.getKey()).append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /** The parameters of an answer: what the caller gives, then {@code state} and RFC 9207 {@code iss}. */
    static Map<String, String> answer(String state, String issuer, String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        parameters.put("state", state);
        parameters.put("iss", issuer);
        return parameters;
    }
}
