# Fails: the service is placed in "default" explicitly.

resource "kubernetes_service_v1" "web" {
  metadata {
    name      = "web"
    namespace = "default"
  }
  spec {
    selector = {
      app = "web"
    }
    port {
      port = 80
    }
  }
}
