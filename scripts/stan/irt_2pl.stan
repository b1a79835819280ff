// Two-parameter logistic item-response model, as in the BlackJAX MEADS notebook.
// P(student i answers item j correctly) = inv_logit(a[j] * (theta[i] - b[j])).
// With 100 students and 30 items it has 100 + 30 + 30 = 160 unknowns.
data {
  int<lower=1> N;                       // students
  int<lower=1> J;                       // items
  int<lower=0, upper=1> y[N, J];        // responses, one row per student
}
parameters {
  vector[N] theta;                      // ability
  vector[J] b;                          // difficulty
  vector<lower=0>[J] a;                 // discrimination
}
model {
  theta ~ std_normal();
  b ~ std_normal();
  a ~ std_normal();                     // with the lower bound: half-normal(0, 1)
  for (j in 1:J) {
    y[, j] ~ bernoulli_logit(a[j] * (theta - b[j]));
  }
}
