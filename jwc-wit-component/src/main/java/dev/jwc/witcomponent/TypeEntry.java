package dev.jwc.witcomponent;

import dev.jwc.binary.component.ComponentType;
import dev.jwc.binary.component.DefinedType;
import dev.jwc.binary.component.FuncType;
import dev.jwc.binary.component.InstanceType;

/**
 * One slot of a type index space while decoding. Entries have identity: an alias or an {@code (eq i)} bound
 * refers to the very entry it names, so a WIT type decoded once is found again through every path that reaches it.
 */
sealed interface TypeEntry {

    /** A defined value type, its indices resolved in {@code scope}. */
    final class Defined implements TypeEntry {
        final DefinedType type;
        final Scope scope;

        Defined(DefinedType type, Scope scope) {
            this.type = type;
            this.scope = scope;
        }
    }

    /** A function type. */
    final class Func implements TypeEntry {
        final FuncType type;
        final Scope scope;

        Func(FuncType type, Scope scope) {
            this.type = type;
            this.scope = scope;
        }
    }

    /** An instance type, its declarators walked once into {@link Scope#exports}. */
    final class Instance implements TypeEntry {
        final InstanceType type;
        final Scope parent;
        private Scope body;

        Instance(InstanceType type, Scope parent) {
            this.type = type;
            this.parent = parent;
        }

        Scope body() {
            if (body == null) {
                body = Scope.ofInstance(type, parent);
            }
            return body;
        }
    }

    /** A component type, its declarators walked once into {@link Scope#imports} and {@link Scope#exports}. */
    final class Component implements TypeEntry {
        final ComponentType type;
        final Scope parent;
        private Scope body;

        Component(ComponentType type, Scope parent) {
            this.type = type;
            this.parent = parent;
        }

        Scope body() {
            if (body == null) {
                body = Scope.ofComponent(type, parent);
            }
            return body;
        }
    }

    /** A fresh abstract resource, {@code (sub resource)}, imported or exported as {@code name}. */
    final class Resource implements TypeEntry {
        final String name;

        Resource(String name) {
            this.name = name;
        }
    }

    /** What an alias to a type that its instance does not export stands for: an error once used. */
    final class Missing implements TypeEntry {
        final String what;

        Missing(String what) {
            this.what = what;
        }
    }

    /** A type imported or exported as {@code name} with bound {@code (eq target)}. */
    final class Named implements TypeEntry {
        final String name;
        final TypeEntry target;

        Named(String name, TypeEntry target) {
            this.name = name;
            this.target = target;
        }
    }
}
