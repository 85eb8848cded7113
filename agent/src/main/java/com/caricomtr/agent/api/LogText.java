package com.caricomtr.agent.api;

/** Caller-supplied text on its way into a log line: one line, bounded, so that no caller can forge log entries. */
final class LogText {
    private static final int MAX_CHARS = 200;

    private LogText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder cleaned = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        for (int i = 0; i < text.length() && i < MAX_CHARS; i++) {
            char c = text.charAt(i);
            cleaned.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_CHARS) {
            cleaned.append("...");
        }
        return cleaned.toString();
    }
}
