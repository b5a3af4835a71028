package dev.jwc.runtime.abi;

import dev.jwc.runtime.Trap;
import java.util.ArrayList;
import java.util.List;

/**
 * One synchronous call's borrow bookkeeping: on the caller's side the own handles it lends
 * ({@code Subtask.add_lender}), on the callee's side the borrow handles it still holds
 * ({@code Task.num_borrows}).
 */
public final class CallScope {
    private final List<Handle> lenders = new ArrayList<>();
    int borrows;

    void addLender(Handle h) {
        h.lends++;
        lenders.add(h);
    }

    /** The call returned: its lent handles may be dropped again. */
    public void releaseLenders() {
        for (Handle h : lenders) {
            h.lends--;
        }
        lenders.clear();
    }

    /** The callee is returning: every borrow handle it received must have been dropped. */
    public void checkNoBorrows() {
        Trap.trapIf(borrows > 0, "borrow handles still remain at the end of the call");
    }
}
