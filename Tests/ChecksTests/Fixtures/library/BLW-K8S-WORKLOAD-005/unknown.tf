# Unknown: the image comes from another resource's attribute known only after apply.

resource "aws_ecr_repository" "api" {
  name = "api"
}

resource "kubernetes_pod" "web" {
  metadata {
    name      = "web"
    namespace = "shop"
    labels = {
      app = "web"
    }
  }
  spec {
    container {
      name              = "web"
      image             = aws_ecr_repository.api.repository_url
      image_pull_policy = "Always"
      port {
        container_port = 8080
      }
      resources {
        limits = {
          cpu    = "500m"
          memory = "256Mi"
        }
        requests = {
          cpu    = "250m"
          memory = "128Mi"
        }
      }
      security_context {
        allow_privilege_escalation = false
        privileged                 = false
        read_only_root_filesystem  = true
        run_as_non_root            = true
        capabilities {
          drop = ["ALL"]
        }
      }
      liveness_probe {
        http_get {
          path = "/healthz"
          port = 8080
        }
      }
      readiness_probe {
        http_get {
          path = "/ready"
          port = 8080
        }
      }
      env {
        name  = "LOG_LEVEL"
        value = "info"
      }
    }
  }
}
