package recon.ingest;

import recon.domain.Money;

/**
 * A bill's checksum: the lines with income and those with an expense, counted and summed, against the
 * totals the file declares ({@code #收入合计：N笔，共X元} and {@code #支出合计：N笔，共X元}). A file
 * whose lines do not add up to its totals is rejected on the totals' line.
 */
final class BillTotals {
    private final Total income = new Total("收入合计");
    private final Total expense = new Total("支出合计");

    void add(long incomeFen, long expenseFen) {
        income.add(incomeFen);
        expense.add(expenseFen);
    }

    /**
     * A trailer line: each total is read after its own label, so that both are checked even when a
     * damaged file runs the two lines together.
     */
    void comment(String text, long line) {
        if (text.contains(income.label)) {
            income.declare(text, line);
        }
        if (text.contains(expense.label)) {
            expense.declare(text, line);
        }
    }

    /** Totals the file states in other words (a summary row): counts and amounts in fen. */
    void declare(long incomeCount, long incomeFen, long expenseCount, long expenseFen, long line) {
        income.declare(incomeCount, incomeFen, line);
        expense.declare(expenseCount, expenseFen, line);
    }

    void check() {
        expense.check();
        income.check();
    }

    private static final class Total {
        final String label;
        long count;
        long fen;
        long declaredLine = -1;
        long declaredCount;
        long declaredFen;

        Total(String label) {
            this.label = label;
        }

        void add(long amountFen) {
            if (amountFen > 0) {
                count++;
                fen += amountFen;
            }
        }

        void declare(String text, long line) {
            int at = text.indexOf(label) + label.length();
            int countStart = at;
            while (countStart < text.length() && !Cells.isDigit(text.charAt(countStart))) {
                countStart++;
            }
            int countEnd = Cells.digitsEnd(text, countStart, 18);
            int amountStart = text.indexOf('共', countEnd);
            int amountEnd = amountStart < 0 ? -1 : text.indexOf('元', amountStart);
            long amount = amountEnd < 0 ? Cells.INVALID
                    : Cells.fen(Cells.clean(text.substring(amountStart + 1, amountEnd)));
            if (countEnd == countStart || text.indexOf('笔', countEnd) < 0 || amount == Cells.INVALID) {
                throw new Rejection(line, "文件末尾的" + label + "无法识别");
            }
            declare(Long.parseLong(text.substring(countStart, countEnd)), Math.abs(amount), line);
        }

        void declare(long count, long amountFen, long line) {
            declaredLine = line;
            declaredCount = count;
            declaredFen = amountFen;
        }

        void check() {
            if (declaredLine >= 0 && (declaredCount != count || declaredFen != fen)) {
                throw new Rejection(declaredLine, "文件末尾合计与明细不符：" + label + " " + declaredCount + " 笔 "
                        + Money.format(declaredFen) + " 元，明细为 " + count + " 笔 " + Money.format(fen) + " 元");
            }
        }
    }
}
