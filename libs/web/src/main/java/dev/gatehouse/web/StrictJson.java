package dev.gatehouse.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * One JSON reading for every API: a body with a key given twice, or anything after the JSON value, is refused
 * (400) rather than half-read; and no text field may hold the NUL character, which PostgreSQL cannot store (it
 * would otherwise surface as a 500 when the row is written).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("gatehouse-no-nul").addDeserializer(String.class, new NoNul()));
    }

    /** Jackson's own string reading, then a refusal of NUL with the field's path (problem {@code errors}). */
    static final class NoNul extends StdScalarDeserializer<String> {

        NoNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(parser, "must not contain the NUL character", "(withheld)",
                        String.class);
            }
            return value;
        }
    }
}
