package vn.lienthong.simulator.eoffice;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.simulator.eoffice.EofficeInbox.StoredFile;

/**
 * What the simulated e-office checks in a delivered document: the metadata is a JSON object, and its
 * {@code attachments[]} and the {@code file} parts describe the same files (matched by name; size and sha256, when
 * given, must be those of the bytes received). Every problem is listed; the rest of the metadata is stored as received.
 */
final class EofficeDeliveryCheck {

    private EofficeDeliveryCheck() {
    }

    static List<String> problems(JsonNode metadata, List<StoredFile> files) {
        List<String> problems = new ArrayList<>();
        if (metadata == null) {
            problems.add("metadata: thiếu phần 'metadata' (missing the metadata part)");
            return problems;
        }
        if (!metadata.isObject()) {
            problems.add("metadata: phải là đối tượng JSON (must be a JSON object)");
            return problems;
        }
        JsonNode attachments = metadata.get("attachments");
        if (attachments == null || attachments.isNull()) {
            if (!files.isEmpty()) {
                problems.add("metadata.attachments: thiếu, nhưng có " + files.size()
                        + " tệp (missing, but files were sent)");
            }
            return problems;
        }
        if (!attachments.isArray()) {
            problems.add("metadata.attachments: phải là mảng (must be an array)");
            return problems;
        }
        List<StoredFile> unmatched = new ArrayList<>(files);
        for (int i = 0; i < attachments.size(); i++) {
            String at = "metadata.attachments[" + i + "]";
            JsonNode attachment = attachments.get(i);
            JsonNode name = attachment.get("name");
            if (name == null || !name.isTextual() || name.textValue().isBlank()) {
                problems.add(at + ".name: thiếu (missing)");
                continue;
            }
            StoredFile file = unmatched.stream().filter(f -> name.textValue().equals(f.name())).findFirst()
                    .orElse(null);
            if (file == null) {
                problems.add(at + ": không có phần 'file' tên '" + name.textValue()
                        + "' (no file part with that name)");
                continue;
            }
            unmatched.remove(file);
            JsonNode size = attachment.get("size");
            if (size != null && !size.isNull() && (!size.canConvertToLong() || size.longValue() != file.size())) {
                problems.add(at + ".size: " + size + " nhưng tệp có " + file.size() + " byte (does not match the file)");
            }
            JsonNode sha256 = attachment.get("sha256");
            if (sha256 != null && !sha256.isNull() && !file.sha256().equalsIgnoreCase(sha256.asText())) {
                problems.add(at + ".sha256: " + sha256.asText() + " nhưng tệp có " + file.sha256()
                        + " (does not match the file)");
            }
        }
        unmatched.forEach(f -> problems.add("file '" + f.name()
                + "': không có trong metadata.attachments (not described in the metadata)"));
        return problems;
    }
}
