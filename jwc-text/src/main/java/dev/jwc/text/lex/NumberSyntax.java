package dev.jwc.text.lex;

/** Recognizes the number syntaxes of the text format (digits may be separated by single underscores). */
final class NumberSyntax {
    private NumberSyntax() {}

    /** {@code [+-]? (num | 0x hexnum)} */
    static boolean isInteger(String s) {
        String t = unsigned(s);
        return t.startsWith("0x") ? isHexNum(t.substring(2)) : isNum(t);
    }

    /** The float forms: decimal and hex with fraction and/or exponent, {@code inf}, {@code nan}, {@code nan:0x..}. */
    static boolean isFloat(String s) {
        String t = unsigned(s);
        if (t.equals("inf") || t.equals("nan")) {
            return true;
        }
        if (t.startsWith("nan:0x")) {
            return isHexNum(t.substring(6));
        }
        boolean hex = t.startsWith("0x");
        String body = hex ? t.substring(2) : t;
        int exp = indexOfAny(body, hex ? "pP" : "eE");
        String mantissa = exp < 0 ? body : body.substring(0, exp);
        if (exp >= 0) {
            String e = unsigned(body.substring(exp + 1));
            if (!isNum(e)) {
                return false;
            }
        }
        int dot = mantissa.indexOf('.');
        if (dot < 0) {
            return exp >= 0 && isDigits(mantissa, hex);
        }
        String whole = mantissa.substring(0, dot);
        String frac = mantissa.substring(dot + 1);
        return isDigits(whole, hex) && (frac.isEmpty() || isDigits(frac, hex));
    }

    static boolean isNum(String s) {
        return isDigits(s, false);
    }

    static boolean isHexNum(String s) {
        return isDigits(s, true);
    }

    /** Digits separated by single underscores, neither first nor last. */
    private static boolean isDigits(String s, boolean hex) {
        if (s.isEmpty()) {
            return false;
        }
        boolean previousDigit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                if (!previousDigit) {
                    return false;
                }
                previousDigit = false;
            } else if (Character.digit(c, hex ? 16 : 10) >= 0 && c < 0x80) {
                previousDigit = true;
            } else {
                return false;
            }
        }
        return previousDigit;
    }

    static String unsigned(String s) {
        return s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
