package io.caravan.routes.trigger.argoworkflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.caravan.routes.support.kubernetes.KubernetesObjects;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * argoWorkflow operations through the Kubernetes API alone (no Argo Server), doing to the Workflow
 * objects what the Argo CLI / server does:
 *
 * <ul>
 *   <li>submit: create the Workflow;
 *   <li>submit-from: create a Workflow with {@code spec.workflowTemplateRef} to the
 *       WorkflowTemplate ({@code clusterScope: true} for a ClusterWorkflowTemplate), or with the
 *       {@code workflowSpec} of the CronWorkflow read from the API (owned by it), {@code
 *       generateName: <name>-} and Argo's {@code workflows.argoproj.io/workflow-template |
 *       cluster-workflow-template | cron-workflow} label;
 *   <li>resubmit: create a copy of the Workflow's spec and labels, {@code generateName: <name>-},
 *       label {@code workflows.argoproj.io/resubmitted-from-workflow};
 *   <li>suspend: {@code spec.suspend: true}; resume: remove it and mark running Suspend nodes
 *       Succeeded;
 *   <li>terminate / stop: {@code spec.shutdown: Terminate | Stop} (refused for a completed
 *       Workflow);
 *   <li>retry: needs the Argo Server (it resets nodes and deletes pods); a clear error here.
 * </ul>
 *
 * The {@code events.argoproj.io/*} labels of the trigger's object are put on every Workflow
 * created.
 */
final class KubernetesArgoWorkflows implements ArgoWorkflows {
  static final String WORKFLOW_TEMPLATE_LABEL = "workflows.argoproj.io/workflow-template";
  static final String CLUSTER_WORKFLOW_TEMPLATE_LABEL =
      "workflows.argoproj.io/cluster-workflow-template";
  static final String CRON_WORKFLOW_LABEL = "workflows.argoproj.io/cron-workflow";
  static final String RESUBMITTED_FROM_LABEL = "workflows.argoproj.io/resubmitted-from-workflow";
  private static final Set<String> COMPLETED = Set.of("Succeeded", "Failed", "Error");
  private static final Set<String> NOT_COPIED_ON_RESUBMIT =
      Set.of(
          "workflows.argoproj.io/completed",
          "workflows.argoproj.io/phase",
          "workflows.argoproj.io/workflow-archiving-status");
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesArgoWorkflows.class);

  private final KubernetesClient client;

  KubernetesArgoWorkflows(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public ObjectNode run(ArgoWorkflowOperation operation, ObjectNode object, String namespace) {
    return switch (operation) {
      case SUBMIT -> create(submitted(object), namespace);
      case SUBMIT_FROM -> create(fromTemplate(object, namespace), namespace);
      case RESUBMIT -> create(resubmitted(existing(name(object), namespace), object), namespace);
      case SUSPEND -> patch(name(object), namespace, "{\"spec\":{\"suspend\":true}}");
      case RESUME -> resume(existing(name(object), namespace), namespace);
      case TERMINATE -> shutdown(name(object), namespace, "Terminate");
      case STOP -> shutdown(name(object), namespace, "Stop");
      case RETRY ->
          throw new IllegalArgumentException(
              "argoWorkflow operation 'retry' needs the Argo Server: "
                  + "set the Sensor annotation "
                  + ArgoWorkflowSink.ARGO_SERVER_ANNOTATION);
    };
  }

  @Override
  public ObjectNode workflow(String name, String namespace) {
    GenericKubernetesResource found = workflows(namespace).withName(name).get();
    return found == null ? null : KubernetesObjects.toObject(found);
  }

  static ObjectNode context(String apiVersion, String kind) {
    ObjectNode node = KubernetesObjects.JSON.createObjectNode();
    node.put("apiVersion", apiVersion).put("kind", kind);
    return node;
  }

  private static ObjectNode submitted(ObjectNode object) {
    String kind = object.path("kind").asText();
    if (!kind.equals("Workflow")) {
      throw new IllegalArgumentException(
          "argoWorkflow submit needs a Workflow, got kind '"
              + kind
              + "' (use operation submit-from for templates and CronWorkflows)");
    }
    return object;
  }

  private ObjectNode fromTemplate(ObjectNode object, String namespace) {
    String kind = object.path("kind").asText();
    String name = name(object);
    ObjectNode workflow = context("argoproj.io/v1alpha1", "Workflow");
    ObjectNode metadata = workflow.putObject("metadata");
    metadata.put("generateName", name + "-");
    ObjectNode labels = metadata.putObject("labels");
    switch (kind) {
      case "WorkflowTemplate" -> {
        labels.put(WORKFLOW_TEMPLATE_LABEL, name);
        workflow.putObject("spec").putObject("workflowTemplateRef").put("name", name);
      }
      case "ClusterWorkflowTemplate" -> {
        labels.put(CLUSTER_WORKFLOW_TEMPLATE_LABEL, name);
        workflow
            .putObject("spec")
            .putObject("workflowTemplateRef")
            .put("name", name)
            .put("clusterScope", true);
      }
      case "CronWorkflow" -> {
        GenericKubernetesResource cron =
            client
                .genericKubernetesResources(type("CronWorkflow", "cronworkflows"))
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (cron == null) {
          throw new IllegalArgumentException(
              "CronWorkflow " + namespace + "/" + name + " does not exist");
        }
        ObjectNode cronObject = KubernetesObjects.toObject(cron);
        JsonNode workflowMetadata = cronObject.path("spec").path("workflowMetadata");
        copyFields(workflowMetadata.path("labels"), labels);
        if (workflowMetadata.path("annotations").isObject()) {
          metadata.set("annotations", workflowMetadata.get("annotations").deepCopy());
        }
        labels.put(CRON_WORKFLOW_LABEL, name);
        metadata
            .putArray("ownerReferences")
            .addObject()
            .put("apiVersion", "argoproj.io/v1alpha1")
            .put("kind", "CronWorkflow")
            .put("name", name)
            .put("uid", cron.getMetadata().getUid())
            .put("controller", true)
            .put("blockOwnerDeletion", true);
        workflow.set("spec", cronObject.path("spec").path("workflowSpec").deepCopy());
      }
      default ->
          throw new IllegalArgumentException(
              "argoWorkflow submit-from needs a WorkflowTemplate, "
                  + "ClusterWorkflowTemplate or CronWorkflow, got kind '"
                  + kind
                  + "'");
    }
    copyEventLabels(object, labels);
    return workflow;
  }

  private static ObjectNode resubmitted(ObjectNode old, ObjectNode object) {
    String name = name(old);
    ObjectNode workflow = context("argoproj.io/v1alpha1", "Workflow");
    ObjectNode metadata = workflow.putObject("metadata");
    metadata.put("generateName", name + "-");
    ObjectNode labels = metadata.putObject("labels");
    old.path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(
            label -> {
              if (!NOT_COPIED_ON_RESUBMIT.contains(label.getKey())) {
                labels.set(label.getKey(), label.getValue());
              }
            });
    labels.put(RESUBMITTED_FROM_LABEL, name);
    copyEventLabels(object, labels);
    ObjectNode spec =
        old.path("spec").isObject()
            ? (ObjectNode) old.get("spec").deepCopy()
            : workflow.objectNode();
    spec.remove("shutdown");
    spec.remove("suspend");
    workflow.set("spec", spec);
    return workflow;
  }

  private ObjectNode resume(ObjectNode workflow, String namespace) {
    if (workflow.path("spec").isObject()) {
      ((ObjectNode) workflow.get("spec")).remove("suspend");
    }
    JsonNode nodes = workflow.path("status").path("nodes");
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    for (Iterator<JsonNode> it = nodes.elements(); it.hasNext(); ) {
      JsonNode node = it.next();
      if (node instanceof ObjectNode n
          && "Suspend".equals(n.path("type").asText())
          && "Running".equals(n.path("phase").asText())) {
        n.put("phase", "Succeeded").put("finishedAt", now).put("message", "Resumed by Caravan");
      }
    }
    GenericKubernetesResource updated =
        workflows(namespace).resource(KubernetesObjects.toResource(workflow)).update();
    LOG.info("resumed Workflow {}/{}", namespace, updated.getMetadata().getName());
    return KubernetesObjects.toObject(updated);
  }

  private ObjectNode shutdown(String name, String namespace, String strategy) {
    ObjectNode workflow = existing(name, namespace);
    String phase = workflow.path("status").path("phase").asText();
    if (COMPLETED.contains(phase)) {
      throw new IllegalArgumentException(
          "cannot "
              + strategy.toLowerCase()
              + " Workflow "
              + namespace
              + "/"
              + name
              + ": it is already "
              + phase);
    }
    return patch(name, namespace, "{\"spec\":{\"shutdown\":\"" + strategy + "\"}}");
  }

  private ObjectNode patch(String name, String namespace, String mergePatch) {
    existing(name, namespace);
    GenericKubernetesResource patched =
        workflows(namespace)
            .withName(name)
            .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    LOG.info("patched Workflow {}/{} with {}", namespace, name, mergePatch);
    return KubernetesObjects.toObject(patched);
  }

  private ObjectNode create(ObjectNode workflow, String namespace) {
    GenericKubernetesResource resource = KubernetesObjects.toResource(workflow);
    resource.getMetadata().setNamespace(namespace);
    GenericKubernetesResource created = workflows(namespace).resource(resource).create();
    LOG.info("submitted Workflow {}/{}", namespace, created.getMetadata().getName());
    return KubernetesObjects.toObject(created);
  }

  private ObjectNode existing(String name, String namespace) {
    ObjectNode workflow = workflow(name, namespace);
    if (workflow == null) {
      throw new IllegalArgumentException("Workflow " + namespace + "/" + name + " does not exist");
    }
    return workflow;
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      workflows(String namespace) {
    return client.genericKubernetesResources(type("Workflow", "workflows")).inNamespace(namespace);
  }

  private static ResourceDefinitionContext type(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("argoproj.io")
        .withVersion("v1alpha1")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  static String name(ObjectNode object) {
    String name = KubernetesObjects.text(object, "/metadata/name");
    if (name == null) {
      throw new IllegalArgumentException(
          "the "
              + object.path("kind").asText("object")
              + " needs metadata.name for this operation");
    }
    return name;
  }

  static void copyEventLabels(ObjectNode object, ObjectNode labels) {
    object
        .path("metadata")
        .path("labels")
        .fields()
        .forEachRemaining(
            label -> {
              if (label.getKey().startsWith("events.argoproj.io/")) {
                labels.set(label.getKey(), label.getValue());
              }
            });
  }

  private static void copyFields(JsonNode from, ObjectNode to) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      to.set(field.getKey(), field.getValue());
    }
  }
}
