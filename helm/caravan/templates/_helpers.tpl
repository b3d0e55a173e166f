{{/* Name prefix of every object. */}}
{{- define "caravan.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 53 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 53 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "caravan.tag" -}}
{{- default .Chart.AppVersion .Values.global.image.tag -}}
{{- end -}}

{{- define "caravan.labels" -}}
app.kubernetes.io/name: caravan
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "caravan.controller.selector" -}}
app.kubernetes.io/name: caravan
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end -}}

{{- define "caravan.webhook.selector" -}}
app.kubernetes.io/name: caravan
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: webhook
{{- end -}}

{{- define "caravan.webhook.name" -}}
{{- printf "%s-webhook" (include "caravan.fullname" .) -}}
{{- end -}}
