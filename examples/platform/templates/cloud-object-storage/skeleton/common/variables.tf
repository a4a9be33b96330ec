variable "region" {
  description = "Where the bucket lives"
  type        = string
  default     = "{{ parameters.region }}"
}

variable "retention_days" {
  description = "How long old versions are kept"
  type        = number
  default     = {{ parameters.retentionDays }}
}
