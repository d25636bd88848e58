# Fails: the service selects the tiller pods.

resource "kubernetes_service_v1" "svc" {
  metadata {
    name      = "svc"
    namespace = "shop"
    labels = {
      app = "shop"
    }
  }
  spec {
    selector = {
      name = "Tiller"
    }
    port {
      port        = 443
      target_port = 8443
    }
  }
}
