/// sdkgen's version, which `sdkgen --version` prints: the one place it is written.
let sdkgenVersion = "0.1.0"
