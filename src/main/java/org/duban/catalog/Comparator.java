package org.duban.catalog;

/** How a reported actual is compared with an indicator's target. */
public enum Comparator {
    /** 以上, 不少于, 不低于, 至少, 超过, 余/多 (400余家), and ranges (2—3家, kept as the lower bound). */
    AT_LEAST,
    /** 以内, 以下, 控制在, 不超过: the actual must stay within the target. */
    AT_MOST,
    /** 左右, 约: roughly the target. */
    ABOUT,
    /** A plain figure: the target itself. */
    EXACT
}
