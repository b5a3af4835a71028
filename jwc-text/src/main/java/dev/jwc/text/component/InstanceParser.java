package dev.jwc.text.component;

import dev.jwc.binary.component.ComponentSort;
import dev.jwc.binary.component.CoreInstance;
import dev.jwc.binary.component.CoreSort;
import dev.jwc.binary.component.ExternName;
import dev.jwc.binary.component.Instance;
import dev.jwc.binary.component.Sort;
import dev.jwc.text.Position;
import dev.jwc.text.sexpr.Cursor;
import dev.jwc.text.sexpr.SExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Instance definitions, core and component: {@code (instantiate ...)} with its arguments, whose inline
 * export bundles become instances defined before it, and bundles of exports.
 */
final class InstanceParser {
    private InstanceParser() {
    }

    /** {@code $m (with "name" (instance ...))*}: {@code i} is past {@code instantiate}. */
    static Deferred<CoreInstance> coreInstantiate(Cursor i, Hoist h) {
        Ref module = wrappedRef(i, "module");
        List<String> argNames = new ArrayList<>();
        List<Ref> args = new ArrayList<>();
        while (!i.atEnd()) {
            Cursor w = i.list("with");
            argNames.add(w.utf8());
            Cursor inst = w.list("instance");
            if (RefParser.peekRef(inst)) {
                args.add(RefParser.ref(inst));
            } else {
                Object key = new Object();
                Deferred<CoreInstance> bundle = coreExports(inst);
                h.fields.add(Pending.of(bundle::resolve, CoreSort.INSTANCE, Optional.empty(), key));
                args.add(new Ref.Generated(key, inst.position()));
            }
            inst.expectEnd();
            w.expectEnd();
        }
        return s -> {
            int m = s.resolve(CoreSort.MODULE, module);
            List<CoreInstance.Arg> resolved = new ArrayList<>();
            for (int k = 0; k < args.size(); k++) {
                resolved.add(new CoreInstance.Arg(argNames.get(k), s.resolveCore(CoreSort.INSTANCE, args.get(k))));
            }
            return new CoreInstance.Instantiate(m, resolved);
        };
    }

    /** {@code $c (with "name" (sort ref))*}: {@code i} is past {@code instantiate}. */
    static Deferred<Instance> instantiate(Cursor i, Hoist h) {
        Ref component = wrappedRef(i, "component");
        List<String> argNames = new ArrayList<>();
        List<Sort> argSorts = new ArrayList<>();
        List<Ref> args = new ArrayList<>();
        while (!i.atEnd()) {
            Cursor w = i.list("with");
            argNames.add(w.utf8());
            Position at = w.position();
            if (w.peekList("instance") && isBundle(w)) {
                Cursor inst = w.list("instance");
                Object bundleKey = new Object();
                Deferred<Instance> bundle = exports(inst);
                h.fields.add(Pending.of(bundle::resolve, ComponentSort.INSTANCE, Optional.empty(), bundleKey));
                argSorts.add(ComponentSort.INSTANCE);
                args.add(new Ref.Generated(bundleKey, at));
            } else {
                Cursor item = w.list();
                argSorts.add(AliasParser.sort(item, at));
                args.add(RefParser.ref(item));
                item.expectEnd();
            }
            w.expectEnd();
        }
        return s -> {
            int comp = s.resolve(ComponentSort.COMPONENT, component);
            List<Instance.Arg> resolved = new ArrayList<>();
            for (int k = 0; k < args.size(); k++) {
                resolved.add(new Instance.Arg(argNames.get(k), argSorts.get(k), s.resolve(argSorts.get(k), args.get(k))));
            }
            return new Instance.Instantiate(comp, resolved);
        };
    }

    /** {@code idx "name"*} or {@code (sort idx "name"*)}. */
    static Ref wrappedRef(Cursor c, String sort) {
        if (c.peekList(sort)) {
            Cursor l = c.list(sort);
            Ref r = RefParser.ref(l);
            l.expectEnd();
            return r;
        }
        return RefParser.ref(c);
    }

    /** {@code (export "name" (sort ref))*} of a core instance. */
    static Deferred<CoreInstance> coreExports(Cursor c) {
        List<String> names = new ArrayList<>();
        List<CoreSort> sorts = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        while (!c.atEnd()) {
            Cursor e = c.list("export");
            names.add(e.utf8());
            Position at = e.position();
            Cursor item = e.list();
            sorts.add(AliasParser.coreSort(item.keyword(), at));
            refs.add(RefParser.ref(item));
            item.expectEnd();
            e.expectEnd();
        }
        return s -> {
            List<CoreInstance.Export> exports = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                exports.add(new CoreInstance.Export(names.get(i), sorts.get(i),
                        s.resolveCore(sorts.get(i), refs.get(i))));
            }
            return new CoreInstance.FromExports(exports);
        };
    }

    /** Whether the {@code (instance ...)} next in {@code w} is an export bundle rather than a reference. */
    private static boolean isBundle(Cursor w) {
        SExpr.SList l = (SExpr.SList) w.peek().orElseThrow();
        return l.items().size() == 1 || l.items().get(1) instanceof SExpr.SList;
    }

    /** {@code (export "name" (sort ref))*} of a component instance. */
    static Deferred<Instance> exports(Cursor c) {
        List<ExternName> names = new ArrayList<>();
        List<Sort> sorts = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        while (!c.atEnd()) {
            Cursor e = c.list("export");
            names.add(ExternNameParser.externName(e));
            Position at = e.position();
            Cursor item = e.list();
            sorts.add(AliasParser.sort(item, at));
            refs.add(RefParser.ref(item));
            item.expectEnd();
            e.expectEnd();
        }
        return s -> {
            List<Instance.Export> exports = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                exports.add(new Instance.Export(names.get(i), sorts.get(i), s.resolve(sorts.get(i), refs.get(i))));
            }
            return new Instance.FromExports(exports);
        };
    }
}
