terraform {
  required_version = ">= 1.6"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.14"
    }
  }
}

provider "google" {
  region = var.region
}

locals {
  # GCP label keys allow no capital letters; dashes and underscores are both fine.
  labels = {
    owner               = "{{ parameters.owner }}"
    cost-center         = "{{ parameters.costCenter | downcase }}"
    data-classification = "{{ parameters.dataClassification }}"
    managed-by          = "terraform"
  }
}

resource "google_kms_key_ring" "this" {
  name     = "{{ parameters.name }}-keys"
  location = var.region
}

resource "google_kms_crypto_key" "this" {
  name            = "{{ parameters.name }}-storage"
  key_ring        = google_kms_key_ring.this.id
  rotation_period = "7776000s"
  labels          = local.labels
}

resource "google_storage_bucket" "this" {
  name                        = "{{ parameters.name }}"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = local.labels

  versioning {
    enabled = true
  }

  encryption {
    default_kms_key_name = google_kms_crypto_key.this.id
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.retention_days
    }
    action {
      type = "Delete"
    }
  }
}

output "bucket_url" {
  value = google_storage_bucket.this.url
}
