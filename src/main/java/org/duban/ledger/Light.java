package org.duban.ledger;

/** 亮灯: the ledger's traffic light for one task × unit × cycle, worst last. */
public enum Light {
    GREEN, YELLOW, RED;

    public boolean isWorseThan(Light other) {
        return compareTo(other) > 0;
    }
}
