// Hierarchical radon model, centred parameterisation, with the notebook's priors.
// log radon of home n ~ normal(alpha[county n] + beta * floor n, sigma_y),
// county intercepts alpha[c] ~ normal(mu_alpha, sigma_alpha). 85 counties: 89 unknowns.
data {
  int<lower=1> N;                       // homes
  int<lower=1> C;                       // counties
  int<lower=1, upper=C> county[N];      // county of each home, 1-based
  vector[N] floor_ind;                  // 1 if measured on the ground floor
  vector[N] y;                          // log radon
}
parameters {
  real mu_alpha;
  real<lower=0> sigma_alpha;
  vector[C] alpha;
  real beta;
  real<lower=0> sigma_y;
}
model {
  mu_alpha ~ std_normal();
  sigma_alpha ~ cauchy(0, 1);           // with the lower bound: half-Cauchy(0, 1)
  alpha ~ normal(mu_alpha, sigma_alpha);
  beta ~ std_normal();
  sigma_y ~ cauchy(0, 1);               // with the lower bound: half-Cauchy(0, 1)
  y ~ normal(alpha[county] + beta * floor_ind, sigma_y);
}
