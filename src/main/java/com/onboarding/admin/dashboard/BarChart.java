package com.onboarding.admin.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a grouped bar chart (invited and accepted per day), drawn as SVG by the dashboard's template:
 * no script and no library, so it renders wherever the page does and prints.
 */
record BarChart(int width, int height, int plotTop, int plotBottom, List<Bar> bars, List<Tick> ticks,
        List<Label> labels) {

    static final int WIDTH = 760;
    static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int TOP = 10;
    private static final int BOTTOM = 200;

    /** One bar; {@code series} is "invited" or "accepted" (the CSS class that colours it). */
    record Bar(int x, int y, int width, int height, String series, String title) {
    }

    /** A horizontal grid line with its value. */
    record Tick(int y, long value) {
    }

    /** A date under the bars. */
    record Label(int x, String text) {
    }

    static BarChart of(List<FunnelDay> days) {
        long max = Math.max(1, days.stream().mapToLong(day -> Math.max(day.invited(), day.accepted())).max().orElse(1));
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        double slot = (double) (WIDTH - LEFT - 10) / Math.max(1, days.size());
        int barWidth = Math.max(2, (int) (slot / 2) - 2);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            FunnelDay day = days.get(i);
            int x = LEFT + (int) (i * slot) + 1;
            bars.add(bar(x, barWidth, day.invited(), top, "invited", day.date() + ": " + day.invited() + " invited"));
            bars.add(bar(x + barWidth + 1, barWidth, day.accepted(), top, "accepted",
                    day.date() + ": " + day.accepted() + " accepted"));
            if (i % 5 == 0 || i == days.size() - 1) {
                labels.add(new Label(x + barWidth, day.date().getDayOfMonth() + "." + day.date().getMonthValue() + "."));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            ticks.add(new Tick(y(value, top), value));
        }
        return new BarChart(WIDTH, HEIGHT, TOP, BOTTOM, bars, ticks, labels);
    }

    private static Bar bar(int x, int width, long value, long top, String series, String title) {
        int y = y(value, top);
        return new Bar(x, y, width, BOTTOM - y, series, title);
    }

    private static int y(long value, long top) {
        return BOTTOM - (int) Math.round((double) value * (BOTTOM - TOP) / top);
    }

    /** 1, 2 or 5 times a power of ten, for at most five grid lines. */
    static long niceStep(long max) {
        long step = 1;
        while (max / step > 5) {
            if (max / (step * 2) <= 5) {
                return step * 2;
            }
            if (max / (step * 5) <= 5) {
                return step * 5;
            }
            step *= 10;
        }
        return step;
    }
}
