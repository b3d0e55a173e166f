package io.caravan.controller.model;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The Argo Events {@code EventSource} as the controller watches it ({@code argoproj.io/v1alpha1}).
 */
@Group("argoproj.io")
@Version("v1alpha1")
@Kind("EventSource")
@Plural("eventsources")
@ShortNames("es")
public class EventSourceResource extends CustomResource<RawSpec, ArgoStatus> implements Namespaced {

  @Override
  protected RawSpec initSpec() {
    return new RawSpec();
  }

  /** No status until the controller writes one (as the API server stores a new object). */
  @Override
  protected ArgoStatus initStatus() {
    return null;
  }
}
