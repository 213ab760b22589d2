package org.duban.assessment;

import java.util.ArrayList;
import java.util.List;

/**
 * The weight of each assessment component in whole percent. Valid weights are non-negative and add up to 100; a
 * weight of 0 leaves its component out of the score.
 */
public record Weights(int onTime, int returns, int escalations, int indicators) {

    public static final Weights DEFAULTS = new Weights(40, 20, 20, 20);

    public int of(Component component) {
        return switch (component) {
            case ON_TIME -> onTime;
            case RETURNS -> returns;
            case ESCALATIONS -> escalations;
            case INDICATORS -> indicators;
        };
    }

    public int sum() {
        return onTime + returns + escalations + indicators;
    }

    /**
     * Checks admin input: every weight given, none negative, 100 in total. Throws with every problem in one message.
     */
    public static Weights validated(Integer onTime, Integer returns, Integer escalations, Integer indicators) {
        // one bilingual message "中文；中文 / English; English", so the screen can show its own language's half
        List<String> chinese = new ArrayList<>();
        List<String> english = new ArrayList<>();
        Integer[] given = {onTime, returns, escalations, indicators};
        Component[] components = Component.values();
        int sum = 0;
        for (int i = 0; i < given.length; i++) {
            if (given[i] == null) {
                chinese.add("请填写「" + components[i].chinese() + "」的权重");
                english.add("the weight of " + components[i].english() + " is missing");
            } else if (given[i] < 0) {
                chinese.add("「" + components[i].chinese() + "」的权重不能为负数（" + given[i] + "）");
                english.add("the weight of " + components[i].english() + " must not be negative (" + given[i] + ")");
            } else {
                sum += given[i];
            }
        }
        if (chinese.isEmpty() && sum != 100) {
            chinese.add("各项权重之和须为 100，现为 " + sum);
            english.add("the weights must add up to 100, they add up to " + sum);
        }
        if (!chinese.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", chinese) + " / " + String.join("; ", english));
        }
        return new Weights(onTime, returns, escalations, indicators);
    }

    /** "40/20/20/20" for the audit trail. */
    @Override
    public String toString() {
        return onTime + "/" + returns + "/" + escalations + "/" + indicators;
    }

    /** What a unit's score is made of, in this order everywhere (screen, audit, tie-break). */
    public enum Component {
        ON_TIME("按时报送", "on-time reporting"),
        RETURNS("退回情况", "returns"),
        ESCALATIONS("督办情况", "escalations"),
        INDICATORS("指标进度", "indicator progress");

        private final String chinese;
        private final String english;

        Component(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String chinese() {
            return chinese;
        }

        public String english() {
            return english;
        }
    }
}
