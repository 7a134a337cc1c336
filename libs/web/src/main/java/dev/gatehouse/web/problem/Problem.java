package dev.gatehouse.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param errors one entry per invalid field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** RFC 9457 §4.2.1: the type when the HTTP status says all there is to say. */
    public static final String ABOUT_BLANK = "about:blank";
    public static final String TYPE_BASE = "https://gatehouse.dev/problems/";

    /** One invalid input: {@code field} is a JSON pointer-like path ({@code name}, {@code limit}). */
    public record FieldError(String field, String message) {
    }
}
