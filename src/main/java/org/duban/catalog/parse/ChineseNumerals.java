package org.duban.catalog.parse;

/** Chinese numerals as used for section numbers: 一 … 十 … 十一 … 二十三 … 九十九. */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** The value of a numeral such as 十一 or 二十, or -1 if the text is not one (or is above 99). */
    static int parse(String numeral) {
        if (numeral == null || numeral.isEmpty() || numeral.length() > 3) {
            return -1;
        }
        String s = numeral.replace('〇', '零');
        int ten = s.indexOf('十');
        if (ten < 0) {
            return s.length() == 1 ? digit(s.charAt(0)) : -1;
        }
        if (s.indexOf('十', ten + 1) >= 0) {
            return -1;
        }
        int tens = ten == 0 ? 1 : (ten == 1 ? digit(s.charAt(0)) : -1);
        if (tens <= 0) {
            return -1;
        }
        String rest = s.substring(ten + 1);
        if (rest.isEmpty()) {
            return tens * 10;
        }
        int ones = rest.length() == 1 ? digit(rest.charAt(0)) : -1;
        return ones <= 0 ? -1 : tens * 10 + ones;
    }

    /** The numeral for 1…99, e.g. 11 → 十一. */
    static String format(int n) {
        if (n <= 0 || n > 99) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十"
                + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }

    private static int digit(char c) {
        return DIGITS.indexOf(c);
    }
}
