package dev.jwc.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Random mutations of valid binaries and texts, each drawn from a seed so that a case can be replayed. */
final class Mutations {
    private static final int[] INTERESTING_BYTES = {0x00, 0x01, 0x7F, 0x80, 0xFF, 0x40, 0x60, 0x70, 0x6F, 0x0B};
    private static final String[] INTERESTING_TOKENS = {"(", ")", "(component", "(module", "(func", "(type", "(core",
        "(instance", "(export", "(import", "$x", "$", "0", "-0", "4294967296", "0xFFFFFFFFFFFFFFFFFFFF",
        "nan:0x0", "inf", "-nan", "1e999999", "\"", "\"\\u{110000}\"", "\"\\ff\"", ";;", "(;", ";)", "(@name",
        "i32.const", "offset=99999999999", "align=3", "own", "borrow", "(result", "(param", "string", "u32",
        "(sub resource)", "(eq 99)", "4294967295", "-1", "_", "\u0000", "\uFFFF", "é"};
    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|\"(?:[^\"\\\\]++|\\\\.)*+\"|[^\\s()\"]++");

    private Mutations() {}

    /** One of: bit flips, byte insertions, deletions, replacements, truncation, LEB tweaks, splices, copies. */
    static byte[] binary(byte[] input, byte[] other, SplittableRandom random) {
        int rounds = 1 + random.nextInt(3);
        byte[] bytes = input;
        for (int i = 0; i < rounds; i++) {
            bytes = binaryOnce(bytes, other, random);
        }
        return bytes;
    }

    private static byte[] binaryOnce(byte[] in, byte[] other, SplittableRandom random) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(in.length);
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 1 -> splice(in, at, at, new byte[] {(byte) interestingByte(random)});
            case 2 -> splice(in, at, Math.min(in.length, at + 1 + random.nextInt(8)), new byte[0]);
            case 3 -> {
                byte[] out = in.clone();
                out[at] = (byte) interestingByte(random);
                yield out;
            }
            case 4 -> java.util.Arrays.copyOf(in, at);
            case 5 -> splice(in, at, Math.min(in.length, at + 1), leb(random));
            case 6 -> {
                int from = random.nextInt(other.length + 1);
                int to = from + random.nextInt(other.length - from + 1);
                yield splice(in, at, random.nextBoolean() ? in.length : at,
                        java.util.Arrays.copyOfRange(other, from, to));
            }
            default -> {
                int end = Math.min(in.length, at + 1 + random.nextInt(64));
                int where = random.nextInt(in.length + 1);
                yield splice(in, where, where, java.util.Arrays.copyOfRange(in, at, end));
            }
        };
    }

    private static int interestingByte(SplittableRandom random) {
        return random.nextBoolean() ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)] : random.nextInt(256);
    }

    /** A LEB128 number that replaces one byte: huge, overlong, unterminated, or off by one from small values. */
    private static byte[] leb(SplittableRandom random) {
        return switch (random.nextInt(5)) {
            case 0 -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
            case 1 -> new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
            case 2 -> new byte[] {(byte) 0x80};
            case 3 -> new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
            default -> {
                var out = new ByteArrayOutputStream();
                long value = random.nextInt(300);
                do {
                    int b = (int) (value & 0x7F);
                    value >>>= 7;
                    out.write(value == 0 ? b : b | 0x80);
                } while (value != 0);
                yield out.toByteArray();
            }
        };
    }

    private static byte[] splice(byte[] in, int from, int to, byte[] insert) {
        byte[] out = new byte[in.length - (to - from) + insert.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(in, to, out, from + insert.length, in.length - to);
        return out;
    }

    /** Token-level (delete, duplicate, swap, replace, deep nesting) or character-level mutations. */
    static String text(String input, String other, SplittableRandom random) {
        int rounds = 1 + random.nextInt(3);
        String text = input;
        for (int i = 0; i < rounds; i++) {
            text = random.nextInt(3) == 0 ? characters(text, random) : tokens(text, other, random);
        }
        return text;
    }

    private static String characters(String in, SplittableRandom random) {
        if (in.isEmpty()) {
            return "(";
        }
        int at = random.nextInt(in.length());
        var s = new StringBuilder(in);
        switch (random.nextInt(4)) {
            case 0 -> s.deleteCharAt(at);
            case 1 -> s.insert(at, randomChar(random));
            case 2 -> s.setCharAt(at, randomChar(random));
            default -> s.setLength(at);
        }
        return s.toString();
    }

    private static char randomChar(SplittableRandom random) {
        String chars = "()\";$@\\ \n\t0123456789xabcdefgijklmnopqrstuvwyz.-_=:{}<>,\u0000\u00e9";
        return chars.charAt(random.nextInt(chars.length()));
    }

    private static String tokens(String in, String other, SplittableRandom random) {
        List<int[]> spans = spans(in);
        if (spans.isEmpty()) {
            return in + INTERESTING_TOKENS[random.nextInt(INTERESTING_TOKENS.length)];
        }
        int[] t = spans.get(random.nextInt(spans.size()));
        String token = in.substring(t[0], t[1]);
        String replacement = switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> token + " " + token;
            case 2 -> INTERESTING_TOKENS[random.nextInt(INTERESTING_TOKENS.length)];
            case 3 -> {
                List<int[]> others = spans(other);
                int[] o = others.isEmpty() ? t : others.get(random.nextInt(others.size()));
                yield others.isEmpty() ? token : other.substring(o[0], o[1]);
            }
            case 4 -> {
                int depth = random.nextBoolean() ? 1 + random.nextInt(50) : 10_000;
                yield "(".repeat(depth) + token + (random.nextBoolean() ? ")".repeat(depth) : "");
            }
            default -> {
                int[] u = spans.get(random.nextInt(spans.size()));
                yield in.substring(u[0], u[1]);
            }
        };
        return in.substring(0, t[0]) + replacement + in.substring(t[1]);
    }

    private static List<int[]> spans(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }
}
