package dev.chatmigrate.example;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/** The one Jackson mapper of the service: strict when reading, ISO-8601 instants when writing. */
final class Json {

    /**
     * Refuses duplicate keys and anything after the top-level value; writes an {@link Instant} as
     * ISO-8601 in UTC ({@code 2025-06-01T12:34:56.789012Z}) without the jsr310 module.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("iso-instants").addSerializer(Instant.class, ToStringSerializer.instance))
            .build();

    private Json() {
    }
}
