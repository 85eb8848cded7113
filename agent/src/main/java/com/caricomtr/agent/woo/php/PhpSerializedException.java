package com.caricomtr.agent.woo.php;

/**
 * Serialized text that could not be decoded, or a decoded value that does not have the expected shape.
 *
 * <p>Messages never quote the input beyond a single character: meta values hold customers' names and addresses, and
 * these messages end up in logs and in problems shown to support.
 */
public final class PhpSerializedException extends RuntimeException {
    private final long byteOffset;

    /** A problem at {@code byteOffset}, counted in UTF-8 bytes from the start of the text as PHP would count them. */
    public PhpSerializedException(String problem, long byteOffset) {
        super("Invalid PHP-serialized value at byte " + byteOffset + ": " + problem);
        this.byteOffset = byteOffset;
    }

    /** A problem with a decoded value rather than with a position in the text. */
    public PhpSerializedException(String problem) {
        super(problem);
        this.byteOffset = -1;
    }

    PhpSerializedException(String problem, Throwable cause) {
        super(problem, cause);
        this.byteOffset = -1;
    }

    /** Where in the text the problem was found, in UTF-8 bytes; -1 when the problem is not about a position. */
    public long byteOffset() {
        return byteOffset;
    }
}
