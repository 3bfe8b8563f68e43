import KSPCore
