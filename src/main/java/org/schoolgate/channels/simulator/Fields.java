package org.schoolgate.channels.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph's {@code fields=} syntax: {@code id,message,from{id,name},comments.summary(true).limit(0)},
 * nested to any depth.
 */
record Fields(List<Field> fields) {

    record Field(String name, Map<String, String> modifiers, Fields sub) {
        String modifier(String key, String otherwise) {
            return modifiers.getOrDefault(key, otherwise);
        }
    }

    static Fields parse(String spec) {
        int[] pos = {0};
        Fields f = parseList(spec, pos);
        if (pos[0] < spec.length()) {
            throw new IllegalArgumentException("Syntax error in fields at character " + pos[0]);
        }
        return f;
    }

    static Fields of(String... names) {
        return parse(String.join(",", names));
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static Fields parseList(String s, int[] pos) {
        List<Field> out = new ArrayList<>();
        while (pos[0] < s.length() && s.charAt(pos[0]) != '}') {
            out.add(parseField(s, pos));
            if (pos[0] < s.length() && s.charAt(pos[0]) == ',') {
                pos[0]++;
            }
        }
        return new Fields(out);
    }

    private static Field parseField(String s, int[] pos) {
        String name = ident(s, pos);
        Map<String, String> mods = new LinkedHashMap<>();
        while (pos[0] < s.length() && s.charAt(pos[0]) == '.') {
            pos[0]++;
            String key = ident(s, pos);
            expect(s, pos, '(');
            int close = s.indexOf(')', pos[0]);
            if (close < 0) {
                throw new IllegalArgumentException("Syntax error in fields: missing ')'");
            }
            mods.put(key, s.substring(pos[0], close));
            pos[0] = close + 1;
        }
        Fields sub = null;
        if (pos[0] < s.length() && s.charAt(pos[0]) == '{') {
            pos[0]++;
            sub = parseList(s, pos);
            expect(s, pos, '}');
        }
        return new Field(name, mods, sub);
    }

    private static String ident(String s, int[] pos) {
        int start = pos[0];
        while (pos[0] < s.length() && (Character.isLetterOrDigit(s.charAt(pos[0])) || s.charAt(pos[0]) == '_')) {
            pos[0]++;
        }
        if (start == pos[0]) {
            throw new IllegalArgumentException("Syntax error in fields at character " + start);
        }
        return s.substring(start, pos[0]);
    }

    private static void expect(String s, int[] pos, char c) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("Syntax error in fields: expected '" + c + "'");
        }
        pos[0]++;
    }
}
