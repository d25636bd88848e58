# Fails: the service is labelled app = helm.

resource "kubernetes_service_v1" "svc" {
  metadata {
    name      = "svc"
    namespace = "shop"
    labels = {
      app = "helm"
    }
  }
  spec {
    selector = {
      app = "web"
    }
    port {
      port        = 443
      target_port = 8443
    }
  }
}
