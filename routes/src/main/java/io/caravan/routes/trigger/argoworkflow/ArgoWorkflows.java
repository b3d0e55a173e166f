package io.caravan.routes.trigger.argoworkflow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where an argoWorkflow trigger's operations are carried out: the Kubernetes API ({@link
 * KubernetesArgoWorkflows}) or the Argo Server's REST API ({@link ArgoServerWorkflows}). {@code
 * object} is the trigger's object (a Workflow, or for submit-from the WorkflowTemplate,
 * ClusterWorkflowTemplate or CronWorkflow); operations other than submit use only its name. Each
 * returns the Workflow the operation produced or acted on.
 */
interface ArgoWorkflows {

  ObjectNode run(ArgoWorkflowOperation operation, ObjectNode object, String namespace);

  /** The Workflow {@code name} as it is now, or null when absent (for {@code policy.k8s}). */
  ObjectNode workflow(String name, String namespace);
}
