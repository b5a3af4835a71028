package dev.jwc.binary.component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A checked-in list of expected failures: one case id a line, {@code # reason} after it. */
final class KnownFailures {
    private KnownFailures() {
    }

    /** Case id to reason. */
    static Map<String, String> load(String resource) {
        Map<String, String> known = new LinkedHashMap<>();
        InputStream in = KnownFailures.class.getResourceAsStream("/" + resource);
        if (in == null) {
            return known;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                int hash = line.indexOf('#');
                String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!id.isEmpty()) {
                    known.put(id, hash >= 0 ? line.substring(hash + 1).strip() : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }
}
