package recon.port;

import java.util.Optional;

/**
 * An upload's object key, {@code tenants/{t}/stores/{s}/inbox/{any/path/file}}, already URL-decoded.
 * The store is taken from the key only; a key of any other shape names no store and is refused.
 *
 * @param path what follows {@code inbox/}
 */
public record UploadKey(StoreRef store, String path) {

    /** The key's store and path, or empty for a key that is not a well-formed upload key. */
    public static Optional<UploadKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String[] parts = key.split("/", 6);
        if (parts.length < 6
                || !parts[0].equals("tenants") || !parts[2].equals("stores") || !parts[4].equals("inbox")
                || !StoreRef.isValidId(parts[1]) || !StoreRef.isValidId(parts[3])
                || !isSafePath(parts[5])) {
            return Optional.empty();
        }
        return Optional.of(new UploadKey(new StoreRef(parts[1], parts[3]), parts[5]));
    }

    /** The file's name: the last segment of the key. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** No empty, "." or ".." segment, no backslash, no control character: the path stays inside inbox/. */
    private static boolean isSafePath(String path) {
        if (path.isEmpty() || path.indexOf('\\') >= 0 || path.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
