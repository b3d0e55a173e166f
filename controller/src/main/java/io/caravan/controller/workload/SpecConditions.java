package io.caravan.controller.workload;

import java.util.List;

/**
 * One Argo spec condition of a kind ({@code SourcesProvided}, {@code DependenciesProvided}, {@code
 * TriggersProvided}): the findings whose field path starts with one of {@code paths} (empty = all
 * that no other condition claims) make it False with {@code reason}.
 */
public record SpecConditions(String type, String reason, List<String> paths) {}
