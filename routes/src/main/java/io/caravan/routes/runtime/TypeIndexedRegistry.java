package io.caravan.routes.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.camel.spi.Registry;

/**
 * A registry that remembers, per type, which bean names a type lookup found. Camel looks beans up
 * by type for every endpoint's property binding and every route's error handler, and its simple
 * registry answers by scanning every bean; with the beans of 1,000 sensors, start-up spent most of
 * its time there (O(n²), docs/performance.md). Lookups by name and all bindings go to the wrapped
 * registry unchanged; a bean bound is added to the index of the types it is an instance of (a
 * supplier: of its declared type), a name unbound leaves it, and beans are fetched by name on every
 * lookup, so prototype and supplier beans behave as before; a prototype bound with {@code
 * bindAsPrototype} forgets the index.
 */
final class TypeIndexedRegistry implements Registry, Closeable {
  private final Registry delegate;
  private final Map<Class<?>, List<String>> namesByType = new ConcurrentHashMap<>();

  TypeIndexedRegistry(Registry delegate) {
    this.delegate = delegate;
  }

  Registry delegate() {
    return delegate;
  }

  @Override
  public <T> Map<String, T> findByTypeWithName(Class<T> type) {
    List<String> names = namesByType.get(type);
    if (names == null) {
      Map<String, T> found = delegate.findByTypeWithName(type);
      namesByType.put(type, List.copyOf(found.keySet()));
      return found;
    }
    Map<String, T> found = new LinkedHashMap<>();
    for (String name : names) {
      T bean = delegate.lookupByNameAndType(name, type);
      if (type.isInstance(bean)) {
        found.put(name, bean);
      }
    }
    return found;
  }

  @Override
  public <T> Set<T> findByType(Class<T> type) {
    List<String> names = namesByType.get(type);
    if (names == null) {
      Map<String, T> found = findByTypeWithName(type);
      return new LinkedHashSet<>(found.values());
    }
    Set<T> found = new LinkedHashSet<>();
    for (String name : names) {
      T bean = delegate.lookupByNameAndType(name, type);
      if (type.isInstance(bean)) {
        found.add(bean);
      }
    }
    return found;
  }

  @Override
  public Object lookupByName(String name) {
    return delegate.lookupByName(name);
  }

  @Override
  public <T> T lookupByNameAndType(String name, Class<T> type) {
    return delegate.lookupByNameAndType(name, type);
  }

  @Override
  public void bind(String id, Class<?> type, Object bean) {
    delegate.bind(id, type, bean);
    indexBound(id, bean);
  }

  @Override
  public void bind(String id, Class<?> type, Object bean, String initMethod, String destroyMethod) {
    delegate.bind(id, type, bean, initMethod, destroyMethod);
    indexBound(id, bean);
  }

  /**
   * Adds a bean just bound to the index of every type it is an instance of, instead of forgetting
   * the index: Kamelet instances bind beans while routes are being created, between type lookups.
   */
  private void indexBound(String id, Object bean) {
    Object plain = delegate.unwrap(bean);
    index(id, type -> type.isInstance(bean) || type.isInstance(plain));
  }

  /** Removes {@code id} from every indexed type, then adds it to those {@code matches} accepts. */
  private void index(String id, java.util.function.Predicate<Class<?>> matches) {
    namesByType.replaceAll(
        (type, names) -> {
          List<String> others =
              names.contains(id) ? names.stream().filter(name -> !name.equals(id)).toList() : names;
          if (matches.test(type)) {
            List<String> updated = new ArrayList<>(others);
            updated.add(id);
            return List.copyOf(updated);
          }
          return others;
        });
  }

  @Override
  public void bind(String id, Class<?> type, Supplier<Object> bean) {
    delegate.bind(id, type, bean);
    index(id, indexed -> indexed.isAssignableFrom(type));
  }

  @Override
  public void bind(
      String id, Class<?> type, Supplier<Object> bean, String initMethod, String destroyMethod) {
    delegate.bind(id, type, bean, initMethod, destroyMethod);
    index(id, indexed -> indexed.isAssignableFrom(type));
  }

  @Override
  public void bindAsPrototype(String id, Class<?> type, Supplier<Object> bean) {
    namesByType.clear();
    delegate.bindAsPrototype(id, type, bean);
  }

  @Override
  public void unbind(String id) {
    delegate.unbind(id);
    index(id, indexed -> false);
  }

  @Override
  public Object wrap(Object value) {
    return delegate.wrap(value);
  }

  @Override
  public Object unwrap(Object value) {
    return delegate.unwrap(value);
  }

  @Override
  public void close() throws IOException {
    namesByType.clear();
    if (delegate instanceof Closeable closeable) {
      closeable.close();
    }
  }

  /** Names currently indexed (for tests). */
  List<String> indexed(Class<?> type) {
    List<String> names = namesByType.get(type);
    return names == null ? List.of() : new ArrayList<>(names);
  }
}
