import Anomaly
print("anomaly-bench")
