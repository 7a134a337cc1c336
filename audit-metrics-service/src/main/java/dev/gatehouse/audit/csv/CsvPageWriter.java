package dev.gatehouse.audit.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.web.paging.Page;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a report's page, or a {@link CsvTable}'s rows, as {@code text/csv} (RFC 4180, with a header row) when the
 * client asks for it with {@code Accept: text/csv}; a page's next address goes in a {@code Link: <…>; rel="next"}
 * header (RFC 8288), since CSV has no place for a cursor. Jackson's CSV module writes it, from the item record's
 * components.
 * <p>
 * A cell that starts with {@code = + - @}, a tab or a carriage return gets a leading {@code '}: app names and
 * client names come from developers, and a spreadsheet would run such a cell as a formula (OWASP "CSV injection").
 */
@Provider
@Produces(CsvPageWriter.TEXT_CSV)
// Ahead of Quarkus REST's built-in text/* writer, which would write the page's toString().
@Priority(Priorities.USER - 100)
public class CsvPageWriter implements MessageBodyWriter<Object> {

    public static final String TEXT_CSV = "text/csv";

    private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final HttpServerRequest request;

    public CsvPageWriter(HttpServerRequest request) {
        this.request = request;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Page.class.isAssignableFrom(type) || CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", TEXT_CSV + "; charset=utf-8; header=present");
        Class<?> item;
        List<?> rows;
        if (entity instanceof CsvTable table) {
            item = table.rowType();
            rows = table.rows();
        } else {
            Page<?> page = (Page<?>) entity;
            if (page.nextCursor() != null) {
                headers.add("Link", "<" + UriBuilder.fromUri(request.absoluteURI())
                        .replaceQueryParam("cursor", page.nextCursor()).build() + ">; rel=\"next\"");
            }
            rows = page.items();
            item = itemType(genericType);
            if (item == null && !rows.isEmpty() && rows.get(0).getClass().isRecord()) {
                item = rows.get(0).getClass();
            }
        }
        if (item == null) {
            // An empty page of a type the runtime did not pass on: no rows, and no header to name.
            return;
        }
        // Columns in the record's order (Jackson's CSV schema would sort them by name).
        CsvSchema.Builder columns = CsvSchema.builder().setUseHeader(true);
        for (RecordComponent component : item.getRecordComponents()) {
            columns.addColumn(component.getName());
        }
        CsvSchema schema = columns.build();
        try (var writer = CSV.writer(schema).writeValues(out)) {
            for (Object row : rows) {
                writer.write(defused(CSV.valueToTree(row)));
            }
        }
    }

    private static JsonNode defused(ObjectNode row) {
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cell = it.next();
            String text = cell.getValue().isTextual() ? cell.getValue().asText() : null;
            if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                cell.setValue(TextNode.valueOf("'" + text));
            }
        }
        return row;
    }

    private static Class<?> itemType(Type genericType) {
        if (genericType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return item;
        }
        return null;
    }
}
