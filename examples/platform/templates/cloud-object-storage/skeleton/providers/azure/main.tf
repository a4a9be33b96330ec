terraform {
  required_version = ">= 1.6"
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.14"
    }
  }
}

provider "azurerm" {
  features {}
}

locals {
  tags = {
    owner               = "{{ parameters.owner }}"
    cost-center         = "{{ parameters.costCenter }}"
    data-classification = "{{ parameters.dataClassification }}"
    managed-by          = "terraform"
  }
}

resource "azurerm_resource_group" "this" {
  name     = "rg-{{ parameters.name }}"
  location = var.region
  tags     = local.tags
}

resource "azurerm_storage_account" "this" {
  name                              = "{{ parameters.name }}"
  resource_group_name               = azurerm_resource_group.this.name
  location                          = azurerm_resource_group.this.location
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  infrastructure_encryption_enabled = true
  tags                              = local.tags

  blob_properties {
    versioning_enabled = true
    delete_retention_policy {
      days = var.retention_days
    }
  }
}

resource "azurerm_storage_container" "data" {
  name                  = "data"
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}

output "storage_account_id" {
  value = azurerm_storage_account.this.id
}
